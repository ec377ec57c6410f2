/**
 * The heap limits of every render worker (the batch's and the web form's).
 *
 * A worker keeps about 35 MB alive (the libraries, parsed font tables, caches); without limits V8
 * lets each heap grow to several times that before collecting (a 1,000-row batch peaked at 517 MB).
 * The young space matters most: measured on 400 varied rows in one worker, 64 MB old / 16 MB
 * young cost 40 ms per pair (one document's objects outgrow the young space, are promoted, and the
 * old space fills at once), 64 / 24 cost 25 ms, as fast as 96 / 24 or no limit at all. A worker
 * that still ran out of memory would fail only its own rows.
 *
 * The process-wide caches (shaping, widths, broken paragraphs, compiled snippets) must fit in
 * this old space when full, with a document being rendered beside them: a 5,000-row batch once
 * lost rows to "JS heap out of memory" when the shaping cache could hold 50,000 runs.
 * tests/fonts/cache-bounds.e2e.test.ts fills every cache to its cap in a worker with these limits.
 */
export const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 24 } as const;
