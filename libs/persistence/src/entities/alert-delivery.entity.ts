import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type AlertDeliveryStatus = (typeof ALERT_DELIVERY_STATUSES)[number];

/** One alert sent to one notification channel; unique per pair, so a retry after success never sends twice. */
@Entity('alert_delivery')
@Index(['alertId', 'channelId'], { unique: true })
export class AlertDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('uuid', { name: 'alert_id' }) alertId: string;
  @Column('uuid', { name: 'channel_id' }) channelId: string;
  @Column('text', { default: 'pending' }) status: AlertDeliveryStatus;
  @Column('int', { default: 0 }) attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
