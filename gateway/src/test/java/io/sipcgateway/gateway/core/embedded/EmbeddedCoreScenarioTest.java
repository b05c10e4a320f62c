package io.sipcgateway.gateway.core.embedded;

/** {@link CoreScenarios} against the embedded core. */
class EmbeddedCoreScenarioTest extends CoreScenarios {
    private EmbeddedCore core;

    @Override
    protected void startCore() throws Exception {
        core = EmbeddedCore.start(EmbeddedCoreConfig.loopback(CoreHarness.DOMAIN));
    }

    @Override
    protected void stopCore() {
        core.stop();
    }

    @Override
    protected Core core() {
        return new Core(core.address().getHostString(), core.address().getPort(), core.domain());
    }
}
