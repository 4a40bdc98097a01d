import { MemoryRunStore } from '../../../src/engine/store/index.js';
import { describeRunStoreConformance } from './run-store-conformance.js';

describeRunStoreConformance('MemoryRunStore', () => new MemoryRunStore());
