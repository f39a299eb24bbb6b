/**
 * `npm run generate:asl`: writes statemachines/item-lifecycle.asl.json from the phase table.
 * `--check` only compares, and fails when the committed file is out of date.
 */
import { lifecycleAslText } from '../core/lifecycle/state-machine';
import { writeGenerated } from './generated-file';

writeGenerated('statemachines/item-lifecycle.asl.json', lifecycleAslText(), 'npm run generate:asl');
