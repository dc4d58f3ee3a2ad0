/**
 * A bulk query operation as the sandbox store keeps it while it runs and after. Counts grow as the
 * runner writes lines; `file` is where its JSONL lives on disk (never in memory).
 */

export type BulkOperationStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'EXPIRED';
export type BulkOperationErrorCode = 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT';

export type BulkOperationRecord = {
  id: number;
  query: string;
  groupObjects: boolean;
  status: BulkOperationStatus;
  errorCode: BulkOperationErrorCode | null;
  createdAt: number;
  completedAt: number | null;
  objectCount: number;
  rootObjectCount: number;
  /** Bytes written so far; reported as `fileSize` once the file is complete. */
  bytes: number;
  /** The JSONL file on disk, or null when nothing was written. */
  file: string | null;
  /** A failed operation's lines so far are offered as `partialDataUrl`. */
  partial: boolean;
};

/** A fault for the next bulk operation: fail with this code, after writing `afterObjects` lines. */
export type BulkFault = { errorCode: BulkOperationErrorCode; afterObjects?: number };
