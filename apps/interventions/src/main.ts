import { runService } from '@registry/platform';
import { AppModule } from './app.module';

void runService(AppModule, {
  name: 'interventions',
  title: 'Intervention tracking service',
  description: 'A case for every child found stunted or wasted, and the convergence of the intervention package.',
  defaultPort: 3003,
});
