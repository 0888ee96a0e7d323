/**
 * Tandem's own typed errors. Each protocol (Tandem's REST API, OIDC, Matrix, OpenAI)
 * has one mapper that turns them into its wire format; a client never sees a stack trace.
 */
export class TandemError extends Error {
  /** HTTP status the error stands for. */
  readonly status: number;
  /** Stable machine-readable code, in Tandem's REST API the `error` field. */
  readonly code: string;

  constructor(status: number, code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
    this.code = code;
    this.name = new.target.name;
  }
}

export class InvalidRequest extends TandemError {
  constructor(message: string, options?: ErrorOptions) {
    super(400, "invalid_request", message, options);
  }
}

export class Unauthorized extends TandemError {
  constructor(message = "Sign in first.", options?: ErrorOptions) {
    super(401, "unauthorized", message, options);
  }
}

export class InvalidCredentials extends TandemError {
  constructor(message = "E-mail or password is wrong.") {
    super(401, "invalid_credentials", message);
  }
}

export class Forbidden extends TandemError {
  constructor(message = "You may not do this.") {
    super(403, "forbidden", message);
  }
}

export class NotFound extends TandemError {
  constructor(message = "Not found.") {
    super(404, "not_found", message);
  }
}

export class Conflict extends TandemError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

/** A body, or what it unpacks to, larger than the server takes. */
export class PayloadTooLarge extends TandemError {
  constructor(message: string) {
    super(413, "payload_too_large", message);
  }
}

export class Unavailable extends TandemError {
  constructor(message: string, options?: ErrorOptions) {
    super(503, "unavailable", message, options);
  }
}
