import { Module } from '@nestjs/common';
import { ServiceModule } from '@registry/platform';

@Module({
  imports: [ServiceModule.forService({ name: 'identity', entities: [], migrations: [] })],
})
export class AppModule {}
