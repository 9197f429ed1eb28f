// Set-up file of the engine-level suites run against another n8n's engine: see n8nEngineFrom.ts.
import { engineHome, useEngineFrom } from './n8nEngineFrom.ts';

const home = engineHome();
if (home) useEngineFrom(home);
