/** A cookie-carrying client for Tandem's REST API, as a browser on the same origin would send. */
export class ApiClient {
  readonly baseUrl: string;
  #cookie: string | undefined;
  #bearer: string | undefined;

  constructor(baseUrl: string, options: { bearer?: string; cookie?: string } = {}) {
    this.baseUrl = baseUrl;
    this.#bearer = options.bearer;
    this.#cookie = options.cookie;
  }

  get cookie(): string | undefined {
    return this.#cookie;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        origin: this.baseUrl,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.#cookie ? { cookie: this.#cookie } : {}),
        ...(this.#bearer ? { authorization: `Bearer ${this.#bearer}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.includes("tandem_session="));
    if (setCookie) {
      const pair = setCookie.split(";")[0] ?? "";
      this.#cookie = pair.endsWith("=") ? undefined : pair;
    }
    const text = await response.text();
    const json =
      text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, json, text };
  }

  signIn(email: string, password: string) {
    return this.request("POST", "/api/v1/session", { email, password });
  }
}
