import { packBatches } from "../host/requestBudget";

/** One cell's queued write (fill, note, comment) and its estimated share of a request, in bytes. */
export interface CellWrite {
  bytes: number;
  apply: () => void;
}

/**
 * Queues `writes` in batches of at most `budget` estimated bytes (requestBudget.ts) and syncs once
 * per batch, so no request passes Excel on the web's payload limit. Rejects with what
 * `context.sync` rejects with; the batches already synced stay written.
 */
export async function syncWritesInBatches(context: Excel.RequestContext, writes: CellWrite[], budget: number): Promise<void> {
  for (const batch of packBatches(writes, (w) => w.bytes, budget)) {
    for (const w of batch) w.apply();
    await context.sync();
  }
}

/**
 * The add-in's threaded comments (hosts before ExcelApi 1.18, which have no notes) as records
 * that remember each comment's id: `put` updates the comment a record already had, if it is still
 * in the workbook (`live`), or adds one and loads its id; `settle`, after the syncs, copies the new
 * ids onto their records.
 */
export class CommentWriter<R extends { commentId?: string }> {
  private readonly added: { record: R; comment: Excel.Comment }[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly live: ReadonlySet<string>,
  ) {}

  /** Queues `text` as the comment of `sheet`!`cell` for `record` (`previousId`: the comment it had). */
  put(record: R, sheet: string, cell: string, text: string, previousId: string | undefined): void {
    if (previousId && this.live.has(previousId)) {
      this.context.workbook.comments.getItem(previousId).content = text;
      record.commentId = previousId;
      return;
    }
    const comment = this.context.workbook.comments.add(`'${sheet.replace(/'/g, "''")}'!${cell}`, text);
    comment.load("id");
    this.added.push({ record, comment });
  }

  /** After the syncs: each added comment's id onto its record; `notAdded(record)` for one whose batch failed. */
  settle(notAdded: (record: R) => void = () => undefined): void {
    for (const { record, comment } of this.added) {
      try {
        record.commentId = comment.id;
      } catch {
        notAdded(record);
      }
    }
  }
}
