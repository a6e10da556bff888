export { benchIntake } from './intake.bench';
export { benchReporting } from './reporting.bench';
export { benchLoad } from './load.bench';
