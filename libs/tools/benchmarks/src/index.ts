export { benchIntake } from './intake.bench';
