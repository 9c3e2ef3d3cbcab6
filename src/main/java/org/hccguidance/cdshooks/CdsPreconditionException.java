package org.hccguidance.cdshooks;

/**
 * The data the service needs could not be had, neither from prefetch nor from the client's FHIR server:
 * 412 Precondition Failed, as the CDS Hooks specification requires. The message names prefetch keys and
 * servers only, never patient data.
 */
public class CdsPreconditionException extends RuntimeException {

    public CdsPreconditionException(String message) {
        super(message);
    }
}
