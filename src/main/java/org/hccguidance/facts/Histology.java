package org.hccguidance.facts;

/**
 * The tumour's histology. The pivotal trials behind the guidance enrolled hepatocellular carcinoma and
 * excluded combined hepatocellular-cholangiocarcinoma and fibrolamellar carcinoma.
 */
public enum Histology { HCC, COMBINED_HCC_CCA, FIBROLAMELLAR }
