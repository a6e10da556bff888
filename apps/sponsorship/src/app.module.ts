import { Module } from '@nestjs/common';
import { ServiceModule } from '@registry/platform';

@Module({
  imports: [ServiceModule.forService({ name: 'sponsorship', entities: [], migrations: [] })],
})
export class AppModule {}
