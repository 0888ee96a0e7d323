/** An input the converters could not read: a clear 400 for the client. */
export class UnreadableFile extends Error {}
