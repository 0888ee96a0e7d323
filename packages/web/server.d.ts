/** Absolute path of the built single-page app (`packages/web/dist/`), with a trailing slash. */
export declare const webRoot: string;
