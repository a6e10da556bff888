export { benchIntake } from './intake.bench';
export { benchReporting } from './reporting.bench';
