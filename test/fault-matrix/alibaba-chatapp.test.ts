import { runFaultMatrix } from '../support/fault-matrix.js';

runFaultMatrix('alibaba-chatapp');
