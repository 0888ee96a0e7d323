/** An input the converters could not read: a clear 400 for the client. */
export class UnreadableFile extends Error {}

/** A DOCX or ODT that would unpack to more than the server takes: 413, not a 400. */
export class TooLargeFile extends Error {}
