import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AlertsModule } from './alerts.module';

/** Alerts, notification channels and incidents: the crisis-communication surface, registered as one. */
@Module({ imports: [AlertsModule, NotificationsModule, IncidentsModule] })
export class AlertingModule {}
