import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainError, newId, NotFoundError, VersionConflictError } from '@app/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import type {
  CreateMedicalRecordRequestDto,
  ListPetMedicalRecordsQuery,
  MedicalRecordDto,
  MedicalRecordPageDto,
  UpdateMedicalRecordRequestDto,
} from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { hasPermission, PERMISSIONS, type Principal } from '@app/identity';
import { type MedicalRecordChanges, type MedicalRecordEntity, MedicalRecordsRepository, PetsRepository } from '@app/catalog';
import { PetAccessPolicy, petNotFound } from './pet-access';
import { toMedicalRecordDto } from './pet.mapper';

const recordNotFound = (recordId: string) => new NotFoundError('MedicalRecord', recordId);
const FIELDS = ['type', 'date', 'title', 'vetName', 'clinic', 'notes'] as const;

/**
 * Medical records of pets. Whoever may see a pet sees a summary of its records (no vet, clinic or notes); the
 * owner side (and the rescue's volunteers) and platform admins see them in full. Admins verify them; any change
 * makes a record unverified again.
 */
@Injectable()
export class MedicalRecordsService {
  constructor(
    private readonly records: MedicalRecordsRepository,
    private readonly pets: PetsRepository,
    private readonly access: PetAccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Principal | null, petId: string, query: ListPetMedicalRecordsQuery): Promise<MedicalRecordPageDto> {
    const pet = await this.pets.findById(petId);
    if (!pet) throw petNotFound(petId);
    const access = await this.access.assertVisible(pet, caller);
    const full = access.insider || (caller !== null && hasPermission(caller.role, PERMISSIONS.medicalVerify));
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await Promise.all([this.records.listForPet(petId, decodeCursor(query.cursor), limit + 1), this.records.countForPet(petId)]);
    return { ...toKeysetPage(rows, limit, (row) => toMedicalRecordDto(row.record, full)), total };
  }

  /** Owner side; starts unverified. */
  async create(tx: TransactionContext, caller: Principal, petId: string, body: CreateMedicalRecordRequestDto): Promise<MedicalRecordDto> {
    const pet = await this.pets.findById(petId, tx);
    if (!pet) throw petNotFound(petId);
    await this.access.assertOwner(pet, caller, tx);
    const id = newId();
    await this.records.insert(tx, {
      id,
      petId,
      type: body.type,
      recordDate: body.date,
      title: body.title,
      vetName: body.vetName ?? null,
      clinic: body.clinic ?? null,
      notes: body.notes ?? null,
      createdBy: caller.userId,
    });
    await this.audit.record(tx, { action: 'medical_record.created', targetType: 'medical_record', targetId: id, after: { petId, type: body.type } });
    return toMedicalRecordDto(await this.reload(tx, id), true);
  }

  /** Owner side, versioned; a verified record that changes is unverified again (it is no longer what was verified). */
  update(caller: Principal, recordId: string, body: UpdateMedicalRecordRequestDto): Promise<MedicalRecordDto> {
    return this.pets.transaction(async (tx) => {
      const record = await this.records.findById(recordId, tx);
      if (!record) throw recordNotFound(recordId);
      await this.assertOwnerOfPet(record.petId, recordId, caller, tx);
      const changes: MedicalRecordChanges = {};
      for (const field of FIELDS) {
        const value = body[field];
        if (value === undefined) continue;
        Object.assign(changes, field === 'date' ? { recordDate: value } : { [field]: value });
      }
      const changed = (Object.keys(changes) as Array<keyof MedicalRecordChanges>).filter((key) => changes[key] !== record[key]);
      if (changed.length === 0) {
        if (record.version !== body.expectedVersion) throw new VersionConflictError('MedicalRecord', record.version);
        return toMedicalRecordDto(record, true);
      }
      await this.records.update(tx, recordId, body.expectedVersion, changes);
      await this.audit.record(tx, {
        action: 'medical_record.updated',
        targetType: 'medical_record',
        targetId: recordId,
        before: { version: body.expectedVersion, verified: record.verifiedAt !== null },
        after: { version: body.expectedVersion + 1, fields: changed, verified: false },
      });
      return toMedicalRecordDto(await this.reload(tx, recordId), true);
    });
  }

  /**
   * Platform admins (medical:verify, checked by the guard). Verifies the version the admin's request read: a change
   * committed meanwhile answers VERSION_CONFLICT rather than verifying content nobody looked at. Idempotent.
   */
  verify(caller: Principal, recordId: string): Promise<MedicalRecordDto> {
    return this.pets.transaction(async (tx) => {
      const record = await this.records.findById(recordId, tx);
      if (!record) throw recordNotFound(recordId);
      const pet = await this.pets.findById(record.petId, tx);
      if (!pet || !(await this.access.accessTo(pet, caller, tx)).visible) throw recordNotFound(recordId);
      if (record.verifiedAt !== null) return toMedicalRecordDto(record, true);
      await this.records.verify(tx, recordId, record.version, caller.userId);
      await this.audit.record(tx, {
        action: 'medical_record.verified',
        targetType: 'medical_record',
        targetId: recordId,
        before: { verified: false, version: record.version },
        after: { verified: true, version: record.version + 1, petId: record.petId },
      });
      return toMedicalRecordDto(await this.reload(tx, recordId), true);
    });
  }

  /** 404 (for the record) unless the caller may see its pet, 403 unless they are the pet's owner side. */
  private async assertOwnerOfPet(petId: string, recordId: string, caller: Principal, tx: TransactionContext): Promise<void> {
    const pet = await this.pets.findById(petId, tx);
    const access = pet ? await this.access.accessTo(pet, caller, tx) : null;
    if (!access?.visible) throw recordNotFound(recordId);
    if (!access.owner) throw new DomainError('FORBIDDEN', "Only the pet's owner side changes its medical records.", { recordId });
  }

  private async reload(tx: TransactionContext, recordId: string): Promise<MedicalRecordEntity> {
    const record = await this.records.findById(recordId, tx);
    if (!record) throw recordNotFound(recordId);
    return record;
  }
}
