// The `chrome` global as Chromium exposes it to extension pages; used by code that runs inside
// extension pages from tests and benchmarks (page.evaluate) and by Chrome-only APIs.
declare const chrome: typeof import('@wxt-dev/browser').browser;
