import { runFaultMatrix } from '../support/fault-matrix.js';

runFaultMatrix('tencent-cam');
