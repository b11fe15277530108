/** The store's errors are declared by the port (plans/planStore.ts); re-exported for the adapter's modules. */
export {
  ConcurrentUpdateError, DuplicateCooperativeError, IdempotencyKeyTakenError, InvalidPageTokenError, ItemTooLargeError, VersionConflictError,
} from "../plans/planStore";
