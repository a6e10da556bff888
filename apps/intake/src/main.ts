import { runService } from '@registry/platform';
import { AppModule } from './app.module';

void runService(AppModule, {
  name: 'intake',
  title: 'Measurement intake service',
  description:
    'Weighing-day measurements from every posyandu, judged by the WHO Child Growth Standards (Permenkes 2/2020).',
  defaultPort: 3002,
});
