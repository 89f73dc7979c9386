import { runLoadTests } from '../support/load.js';

runLoadTests('volcengine-vmp');
