import { pipelineSuite } from './support/pipeline-suite';

describe("pipeline on BullMQ's PostgreSQL queues", () => pipelineSuite('postgres'));
