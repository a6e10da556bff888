import { runService } from '@registry/platform';
import { AppModule } from './app.module';

void runService(AppModule, {
  name: 'reporting',
  title: 'Reporting service',
  description:
    'Prevalence and coverage per wilayah and period, by-name lists, and the auditable history of every child.',
  defaultPort: 3005,
});
