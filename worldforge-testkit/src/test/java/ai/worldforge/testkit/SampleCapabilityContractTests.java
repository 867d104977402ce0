package ai.worldforge.testkit;

import ai.worldforge.capability.Cost;
import ai.worldforge.capability.Embedder;
import ai.worldforge.capability.Generator;
import ai.worldforge.capability.Policy;
import ai.worldforge.capability.Predictor;
import ai.worldforge.capability.Reasoner;
import ai.worldforge.capability.Transferer;
import org.junit.jupiter.api.Nested;

/** The sample capability implementations pass every capability contract. */
class SampleCapabilityContractTests {
    @Nested
    class Costs extends CostContractTest {
        @Override
        protected Cost createCost() {
            return new SampleCapabilities.CountingCost("counting-cost");
        }
    }

    @Nested
    class Policies extends PolicyContractTest {
        @Override
        protected Policy createPolicy() {
            return new SampleCapabilities.WaitingPolicy("waiting-policy");
        }
    }

    @Nested
    class Generators extends GeneratorContractTest {
        @Override
        protected Generator createGenerator() {
            return new SampleCapabilities.TextGenerator("text-generator");
        }
    }

    @Nested
    class Predictors extends PredictorContractTest {
        @Override
        protected Predictor createPredictor() {
            return new SampleCapabilities.ClockPredictor("clock-predictor");
        }
    }

    @Nested
    class Reasoners extends ReasonerContractTest {
        @Override
        protected Reasoner createReasoner() {
            return new SampleCapabilities.CountingReasoner("counting-reasoner");
        }
    }

    @Nested
    class Embedders extends EmbedderContractTest {
        @Override
        protected Embedder createEmbedder() {
            return new SampleCapabilities.LetterEmbedder("letter-embedder");
        }
    }

    @Nested
    class Transferers extends TransfererContractTest {
        @Override
        protected Transferer createTransferer() {
            return new SampleCapabilities.RelabelTransferer("relabel-transferer");
        }
    }
}
