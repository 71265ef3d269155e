// `npm run web`: Channel Desk in an ordinary browser, served by a local host on 127.0.0.1.
import { runBrowserMode } from './browser-mode.mjs';

await runBrowserMode();
