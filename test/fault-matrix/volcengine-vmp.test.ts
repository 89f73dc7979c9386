import { runFaultMatrix } from '../support/fault-matrix.js';

runFaultMatrix('volcengine-vmp');
