package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An option the rules ruled out, with every reason they found. */
@Schema(description = "An option the rules ruled out, with every reason they found.")
public record NotRecommended(
        @Schema(description = "Option code from the rule set's option catalogue.", example = "CABOZANTINIB")
        String code,
        @Schema(description = "Every reason, joined with `; `.")
        String reason,
        @Schema(description = "Names of the rules that ruled it out.")
        List<String> firedBy) {
}
