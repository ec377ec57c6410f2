/** `sim-cancel batch`: many people's paperwork from one CSV, JSON or JSON Lines file. */
export { runBatch, type BatchOptions, type BatchEvent, type BatchResult } from "./run.js";
export { readRows, formatOf, type SourceRow, type BatchFormat } from "./rows.js";
export { checkRows, type RowReport, type CheckResult } from "./check.js";
export { slugify, rowFolderName, rowNumberWidth } from "./slug.js";
export {
  SummaryWriter,
  csvCell,
  csvLine,
  SUMMARY_COLUMNS,
  type SummaryEntry,
  type SummaryFormat,
  type RowStatus,
} from "./summary.js";
