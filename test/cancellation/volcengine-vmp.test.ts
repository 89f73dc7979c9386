import { runCancellationTests } from '../support/cancellation.js';

runCancellationTests('volcengine-vmp');
