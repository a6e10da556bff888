import { runService } from '@registry/platform';
import { AppModule } from './app.module';

void runService(AppModule, {
  name: 'sponsorship',
  title: 'Orang Tua Asuh sponsorship service',
  description:
    'Sponsors (Orang Tua Asuh), pledges, contributions, and a sponsor portal that never exposes the identity of the child.',
  defaultPort: 3004,
});
