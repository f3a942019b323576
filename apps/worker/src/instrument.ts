import { startInstrumentation } from '@app/common/observability/instrumentation';

startInstrumentation('worker');
