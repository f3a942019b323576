import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sequence number per application thread (1, 2, 3, …), so a client that missed real-time messages sees the gap
 * and asks for what came after the last one it has. Existing messages are numbered in the order they were listed
 * (created_at, id). The unique key is also the index behind MAX(sequence) and the `afterSequence` filter.
 */
export class MessageSequence1763860000000 implements MigrationInterface {
  name = 'MessageSequence1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE application_messages ADD COLUMN sequence INT UNSIGNED NULL AFTER application_id');
    await q.query(`UPDATE application_messages m
      JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY application_id ORDER BY created_at, id) AS position FROM application_messages) numbered
        ON numbered.id = m.id
      SET m.sequence = numbered.position`);
    await q.query(
      'ALTER TABLE application_messages MODIFY sequence INT UNSIGNED NOT NULL, ADD UNIQUE KEY uq_application_messages_sequence (application_id, sequence)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE application_messages DROP INDEX uq_application_messages_sequence, DROP COLUMN sequence');
  }
}
