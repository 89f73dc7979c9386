import { runLoadTests } from '../support/load.js';

runLoadTests('tencent-cam');
