import { pipelineSuite } from './support/pipeline-suite';

describe('pipeline on Redis queues', () => pipelineSuite('redis'));
