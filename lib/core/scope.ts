/** Whose data a call acts on: one merchant, in one mode. Every merchant query takes it. */
export interface MerchantScope {
  merchantId: string;
  livemode: boolean;
}

/** A scope plus what serializers need to build absolute URLs (event payloads embed objects with URLs). */
export interface ServiceContext extends MerchantScope {
  appUrl: string;
}
