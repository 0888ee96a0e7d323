import { TandemError } from "@tandem/kernel";

/** The requester already has a conversion running or waiting: one at a time each. */
export class ConversionBusy extends TandemError {
  /** Whole seconds to wait; the REST mapper sends it as the Retry-After header. */
  readonly retryAfter: number;

  constructor(retryAfter: number) {
    super(
      429,
      "too_many_requests",
      `Your previous import or export is still being converted. Try again in ${retryAfter} seconds.`,
    );
    this.retryAfter = retryAfter;
  }
}

/** Every conversion slot of this instance is taken and its queue is full. */
export class ConversionsFull extends TandemError {
  readonly retryAfter: number;

  constructor(retryAfter: number) {
    super(
      503,
      "unavailable",
      `The server is converting other files. Try again in ${retryAfter} seconds.`,
    );
    this.retryAfter = retryAfter;
  }
}

/** A file (or document) beyond what one conversion may do: too deep, too slow, too big. */
export class UnprocessableFile extends TandemError {
  constructor(message: string) {
    super(422, "unprocessable_file", message);
  }
}
