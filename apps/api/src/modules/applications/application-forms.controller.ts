import { Body, Controller, Param } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  GetPetApplicationQuestionsParams,
  GetRescueApplicationQuestionsParams,
  operations,
  ReplaceQuestionSetRequestDto,
  ReplaceRescueApplicationQuestionsParams,
  type ApplicationQuestionSetDto,
} from '@app/contracts';
import type { Principal } from '@app/identity';
import { CurrentPrincipal, OptionalPrincipal } from '../auth/authorization';
import { ApplicationFormsService } from './application-forms.service';

@Controller()
export class ApplicationFormsController {
  constructor(private readonly forms: ApplicationFormsService) {}

  @ContractRoute(operations.getCoreApplicationQuestions)
  getCoreApplicationQuestions(): Promise<ApplicationQuestionSetDto> {
    return this.forms.core();
  }

  @ContractRoute(operations.getRescueApplicationQuestions)
  getRescueApplicationQuestions(@Param() params: GetRescueApplicationQuestionsParams): Promise<ApplicationQuestionSetDto> {
    return this.forms.forRescue(params.rescueId);
  }

  @ContractRoute(operations.replaceRescueApplicationQuestions)
  replaceRescueApplicationQuestions(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ReplaceRescueApplicationQuestionsParams,
    @Body() body: ReplaceQuestionSetRequestDto,
  ): Promise<ApplicationQuestionSetDto> {
    return this.forms.replaceForRescue(caller, params.rescueId, body);
  }

  @ContractRoute(operations.getPetApplicationQuestions)
  getPetApplicationQuestions(
    @OptionalPrincipal() caller: Principal | null,
    @Param() params: GetPetApplicationQuestionsParams,
  ): Promise<ApplicationQuestionSetDto> {
    return this.forms.forPet(caller, params.petId);
  }
}
