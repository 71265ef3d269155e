// What this hub is, for /v1/health and for the desk's compatibility check.

/** The hub's release; kept equal to package.json's version (a test checks). */
export const HUB_VERSION = '0.1.0';
/** The major version of the HTTP API (the /v1 in every path). */
export const API_VERSION = 1;
