import 'reflect-metadata';

import { prepareN8nEnvironment } from './helpers/environment.ts';

prepareN8nEnvironment('test');
