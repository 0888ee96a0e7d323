/** An input the converters could not read: a clear 400 for the client. */
export class UnreadableFile extends Error {}

/**
 * A file that would unpack to, or hold, more than the server takes (bytes, blocks,
 * characters): 413, not a 400.
 */
export class TooLargeFile extends Error {}

/** A file whose structure is beyond what a conversion may do (nesting too deep): 422. */
export class TooComplexFile extends Error {}
