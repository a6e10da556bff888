export { benchIntake } from './intake.bench';
export { benchReporting } from './reporting.bench';
export { benchLoad } from './load.bench';
export { benchDashboard } from './dashboard.bench';
export { benchSkdn } from './skdn.bench';
export { benchEvents } from './events.bench';
export { benchAnthropometry } from './anthropometry.bench';
export { benchImport } from './import.bench';
