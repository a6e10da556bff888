import './tracing';
import { runService } from '@registry/platform';
import { AppModule } from './app.module';
import { service } from './service';

void runService(AppModule, service);
