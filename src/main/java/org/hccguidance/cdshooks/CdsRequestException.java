package org.hccguidance.cdshooks;

import org.hccguidance.api.BadRequestException;

/** A CDS Hooks request that does not meet the specification: 400 naming the field. */
public class CdsRequestException extends BadRequestException {

    public CdsRequestException(String field, String problem) {
        super(field, problem);
    }
}
