import { runService } from '@registry/platform';
import { AppModule } from './app.module';

void runService(AppModule, {
  name: 'identity',
  title: 'Child identity service',
  description:
    'One record per real child: registration, NIK checks, duplicates, corrections, moves. Personal data stays here, encrypted.',
  defaultPort: 3001,
});
