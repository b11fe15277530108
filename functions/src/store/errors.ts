/** The store's errors are declared by the port (plans/planStore.ts); re-exported for the adapter's modules. */
export {
  ConcurrentUpdateError, DuplicateCooperativeError, IdempotencyKeyTakenError, InvalidPageTokenError, ItemTooLargeError, StoreUnavailableError, VersionConflictError,
} from "../plans/planStore";
